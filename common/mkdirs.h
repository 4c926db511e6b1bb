/*
 * mkdirs.h - the directory a file is to be written in, made when missing.
 *
 * A state file named on the command line ("--state ~/.newspipe/seen.db")
 * may live in a directory that does not exist yet, the first time a cron
 * job runs: it is made, with its missing parents, as mkdir -p would
 * (mode 0777 less the umask).
 */
#ifndef NEWSPIPE_MKDIRS_H
#define NEWSPIPE_MKDIRS_H

/*
 * Make the directory that holds path, and its missing parents.  Returns
 * 0 when it exists afterwards; -1, with "prog: cannot make directory
 * 'DIR': reason" reported (the run marked failed), when it cannot be made.
 */
int mkdirs_for_file(const char *path);

#endif
