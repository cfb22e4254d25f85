/* bangfu: wiring only: the CLI runs every command; `bangfu serve` runs the HTTP front end,
 * handed over here so that neither front end includes the other. */
#include "cli/cli.h"
#include "http/http.h"

int main(int argc, char **argv)
{
	cli_set_server(http_serve);
	return cli_main(argc, argv);
}
