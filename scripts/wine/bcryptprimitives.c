/* Wine 8.0 (Debian 12's) lacks bcryptprimitives.dll, which Go programs
 * need on Windows since Go 1.24 for their random numbers (ProcessPrng,
 * on every Windows 10 and later). scripts/wine-test.sh builds this shim
 * with mingw-w64 into its throwaway Wine prefix only; it is never shipped.
 * It draws from RtlGenRandom (advapi32's SystemFunction036), which Wine has. */
#include <windows.h>
#include <ntsecapi.h>

BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T len)
{
	while (len > 0) {
		ULONG n = len > 0x40000000 ? 0x40000000 : (ULONG)len;
		if (!RtlGenRandom(data, n))
			return FALSE;
		data += n;
		len -= n;
	}
	return TRUE;
}
