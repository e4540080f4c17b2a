#include <stdio.h>
#include <string.h>
#include "greet.h"

static int failures;

static void expect(const char *name, const char *want) {
    char got[128];
    greet(got, sizeof got, name);
    if (strcmp(got, want) != 0) {
        printf("FAIL greet(%s): want \"%s\", got \"%s\"\n", name ? name : "NULL", want, got);
        failures++;
    }
}

int main(void) {
    expect(NULL, "hello, world!");
    expect("", "hello, world!");
    expect("stages", "hello, stages!");
    printf("%s: 3 checks, %d failed\n", failures ? "FAIL" : "PASS", failures);
    return failures != 0;
}
