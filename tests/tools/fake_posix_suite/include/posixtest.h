/* The exit statuses of a conformance test, as the Open POSIX Test Suite
 * defines them; this stand-in suite tests tools/posix_suite.py. */
#define PTS_PASS 0
#define PTS_FAIL 1
#define PTS_UNRESOLVED 2
#define PTS_UNSUPPORTED 4
#define PTS_UNTESTED 5
