#include "CLineEdit.h"
int kehu_cle_placeholder(void) { return 0; }
