/* Does not build: calls what no library has. */
int no_such_posix_function(int);

int test_main(void)
{
	return no_such_posix_function(1);
}
