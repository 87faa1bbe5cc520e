/* The suite's tests define test_main(); the suite's library holds main(). */
int test_main(int argc, char **argv);

int main(int argc, char **argv)
{
	return test_main(argc, argv);
}
