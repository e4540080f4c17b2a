/* Prints a greeting and the uid/gid it runs as, so a test can see USER took effect. */
#include <stdio.h>
#include <unistd.h>

int main(int argc, char **argv) {
    const char *name = argc > 1 ? argv[1] : "scratch";
    printf("hello from %s (uid=%u gid=%u)\n", name, (unsigned) getuid(), (unsigned) getgid());
    return 0;
}
