// SPDX-License-Identifier: MIT
/*
 * stats: the mean, standard deviation and median of numbers, from the
 * command line or, without arguments, from standard input -- an ordinary
 * C program using what newlib brings (strtod, scanf, qsort, <math.h>,
 * printf("%f"), strftime).  Build and run it in Pagoda:
 *
 *	make run EXTRA=docs/demos/stats.c RUN='stats 2 4 4 4 5 5 7 9'
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#define MAX 1000

static int compare(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return (x > y) - (x < y);
}

int main(int argc, char **argv)
{
	static double v[MAX];
	double sum = 0, squares = 0, mean, median;
	char when[32];
	time_t now = time(NULL);
	int n = 0;

	if (argc > 1)
		for (int i = 1; i < argc && n < MAX; i++)
			v[n++] = strtod(argv[i], NULL);
	else
		while (n < MAX && scanf("%lf", &v[n]) == 1)
			n++;
	if (n == 0) {
		fprintf(stderr,
			"usage: stats NUMBER... (or numbers on stdin)\n");
		return 1;
	}
	for (int i = 0; i < n; i++)
		sum += v[i];
	mean = sum / n;
	for (int i = 0; i < n; i++)
		squares += (v[i] - mean) * (v[i] - mean);
	qsort(v, n, sizeof(v[0]), compare);
	median = n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
	strftime(when, sizeof(when), "%H:%M:%S", gmtime(&now));
	printf("n=%d mean=%.4f stddev=%.4f median=%g (at %s UTC)\n", n, mean,
	       sqrt(squares / n), median, when);
	return 0;
}
