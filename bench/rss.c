/*
 * rss - run a command and report its peak memory: "rss: N" (KiB of max
 * resident set) as the last line on standard error, exit status passed on.
 *
 * The benchmark's Python runner cannot measure this itself: a child forked
 * from Python keeps Python's resident pages until exec, and Linux counts
 * them in the child's high-water mark.  Forked from this small program,
 * the inflation is negligible.
 */
#include <stdio.h>
#include <sys/resource.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

int
main(int argc, char **argv)
{
	struct rusage ru;
	pid_t pid;
	int status;

	if (argc < 2) {
		fprintf(stderr, "usage: rss command [argument ...]\n");
		return 2;
	}
	pid = fork();
	if (pid < 0) {
		perror("rss: fork");
		return 1;
	}
	if (pid == 0) {
		execvp(argv[1], argv + 1);
		perror("rss: exec");
		_exit(127);
	}
	if (wait4(pid, &status, 0, &ru) < 0) {
		perror("rss: wait4");
		return 1;
	}
	fprintf(stderr, "rss: %ld\n", ru.ru_maxrss);
	if (WIFEXITED(status))
		return WEXITSTATUS(status);
	return 128 + WTERMSIG(status);
}
