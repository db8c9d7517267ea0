// Extended attributes (listxattr, getxattr, fsetxattr), which Swift's Glibc module leaves
// out: the file writer copies them to the file it writes in place of a post.
#include <sys/xattr.h>
