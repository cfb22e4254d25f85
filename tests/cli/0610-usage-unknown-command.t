# An unknown command exits 2.
$ bangfu frobnicate
bangfu: unknown command 'frobnicate'
(see: bangfu --help)
[2]
