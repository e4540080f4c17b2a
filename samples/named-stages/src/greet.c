#include <stdio.h>
#include "greet.h"

int greet(char *out, size_t size, const char *name) {
    return snprintf(out, size, "hello, %s!", (name && *name) ? name : "world");
}
