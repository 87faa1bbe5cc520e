/* Only has to compile. */
#include <signal.h>

sigset_t set;
