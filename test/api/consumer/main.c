#include <tlatv/tlatv.h>

#include <stdio.h>
#include <string.h>

int main(void) {
    char* value = NULL;
    if (tlatv_evaluate("Len(<<1, 2, 3>>)", &value, NULL) != TLATV_OK) return 1;
    int ok = strcmp(value, "3") == 0;
    tlatv_string_free(value);
    printf("consumer_c: %s\n", ok ? "ok" : "wrong value");
    return ok ? 0 : 1;
}
