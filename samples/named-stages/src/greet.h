#ifndef GREET_H
#define GREET_H
#include <stddef.h>

/* Writes "hello, <name>!" into out (at most size bytes); returns the length it needed. */
int greet(char *out, size_t size, const char *name);

#endif
