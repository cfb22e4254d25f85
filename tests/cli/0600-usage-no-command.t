# bangfu without a command prints the help and exits 2.
$ bangfu
bangfu [0-9.]+(\+g[0-9a-f]+(-dirty)?)? — 组团纵向帮扶管理 · group-based vertical assistance to counties (re)

usage: bangfu [--db PATH] COMMAND [ARGS]

commands:
  init     创建数据库 · create the database (bundled Guangdong data by default)
  import   导入CSV · import CSV files or folders, all or nothing
  export   导出CSV · export every table as CSV into a folder
  check    规则检查 · check the programme's rules on a round
  report   报表 · summary, coverage, groups, cadres, rotations, shares, indicators, work
  work     帮扶工作 · list and add tasks, needs, commitments, resources, policies
  periods  报告期 · the rounds' reporting periods: list, generate
  reports  组团报告 · the groups' periodic reports: list
  assessments 考核 · the year's and the round's assessment of each group
  show     查看 · one target, unit, group or cadre with its relations
  plan     规划 · form groups: the exact optimal assignment of units to targets
  user     账号 · accounts of the web server: add, list, disable, enable, passwd, email
  audit    审计 · verify the audit trail's hash chain
  backup   备份 · copy the database, safely while the server runs
  restore  恢复 · replace the database with a backup
  digest   邮件提醒 · e-mail each account its inbox (once; for cron)
  serve    服务 · serve the web interface and the JSON API

options:
  --db PATH   the database (default: $BANGFU_DB, else ./bangfu.db)
  --help      this help; `bangfu COMMAND --help` for a command
  --version   print the version
[2]
