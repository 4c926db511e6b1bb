/* mkdirs.c - make a file's directory and its parents; see mkdirs.h. */
#include "mkdirs.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "err.h"
#include "xalloc.h"

int
mkdirs_for_file(const char *path)
{
	char *dir = xstrdup(path), *slash = strrchr(dir, '/'), *p;
	struct stat sb;
	int rc = 0;

	if (!slash || slash == dir) { /* the current or the root directory */
		free(dir);
		return 0;
	}
	*slash = '\0';
	if (stat(dir, &sb) == 0 && S_ISDIR(sb.st_mode)) {
		free(dir);
		return 0;
	}
	/* Each prefix in turn, from the top: "a", "a/b", "a/b/c". */
	for (p = dir + 1;; p++) {
		if (*p != '/' && *p != '\0')
			continue;
		char c = *p;
		*p = '\0';
		if (mkdir(dir, 0777) != 0 && errno != EEXIST) {
			rc = warn("cannot make directory '%s':", dir);
			break;
		}
		*p = c;
		if (c == '\0')
			break;
	}
	if (rc == 0 && (stat(dir, &sb) != 0 || !S_ISDIR(sb.st_mode)))
		rc = warn("cannot make directory '%s': a file of that name is in the way", dir);
	free(dir);
	return rc;
}
