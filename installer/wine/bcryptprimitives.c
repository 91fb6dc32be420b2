/* A stand-in for Windows' bcryptprimitives.dll, which Wine 8 lacks: Rust programs (calamine
 * and fastexcel, the .xlsx readers) get their random numbers from its ProcessPrng.
 *
 * For the Wine TEST PREFIXES ONLY (installer/build-windows-wine.sh copies it into
 * C:\windows\system32 of its throw-away prefixes). It never goes into the bundle or the
 * setup.exe: real Windows (8 and later) has the real DLL.
 *
 * Build: x86_64-w64-mingw32-gcc -shared -O2 -o bcryptprimitives.dll bcryptprimitives.c
 *        bcryptprimitives.def -lbcrypt
 */
#include <windows.h>
#include <bcrypt.h>

BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T len)
{
    while (len > 0) {
        ULONG chunk = len > 0x40000000 ? 0x40000000 : (ULONG)len;
        if (BCryptGenRandom(NULL, data, chunk, BCRYPT_USE_SYSTEM_PREFERRED_RNG) != 0)
            return FALSE;
        data += chunk;
        len -= chunk;
    }
    return TRUE;
}
