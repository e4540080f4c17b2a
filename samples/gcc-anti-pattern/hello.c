#include <stdio.h>

int main(void) {
    puts("hello from gcc-anti-pattern");
    return 0;
}
