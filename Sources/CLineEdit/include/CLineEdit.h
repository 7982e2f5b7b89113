#ifndef KEHU_CLINEEDIT_H
#define KEHU_CLINEEDIT_H
#include <histedit.h>
/* Non-variadic wrappers over libedit, filled in by the LineEditor work. */
int kehu_cle_placeholder(void);
#endif
