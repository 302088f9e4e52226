#include "valid.h"

#include <arpa/inet.h>

#include <stdint.h>
#include <string.h>

/* Decodes one UTF-8 sequence at s; returns its length, or 0 when it is not valid
   (overlong forms, surrogates and values past U+10FFFF are not). */
static size_t utf8_decode(const unsigned char *s, size_t left, uint32_t *cp)
{
    if (s[0] < 0x80) {
        *cp = s[0];
        return 1;
    }
    size_t n;
    uint32_t min;
    if ((s[0] & 0xE0) == 0xC0) n = 2, min = 0x80, *cp = s[0] & 0x1F;
    else if ((s[0] & 0xF0) == 0xE0) n = 3, min = 0x800, *cp = s[0] & 0x0F;
    else if ((s[0] & 0xF8) == 0xF0) n = 4, min = 0x10000, *cp = s[0] & 0x07;
    else return 0;
    if (n > left) return 0;
    for (size_t i = 1; i < n; i++) {
        if ((s[i] & 0xC0) != 0x80) return 0;
        *cp = (*cp << 6) | (s[i] & 0x3F);
    }
    if (*cp < min || *cp > 0x10FFFF || (*cp >= 0xD800 && *cp <= 0xDFFF)) return 0;
    return n;
}

bool valid_text(const char *s, size_t max_bytes, bool multiline)
{
    if (!s) return false;
    size_t len = strlen(s);
    if (len == 0 || len > max_bytes) return false;
    const unsigned char *p = (const unsigned char *)s;
    bool visible = false;
    for (size_t i = 0; i < len;) {
        uint32_t cp;
        size_t n = utf8_decode(p + i, len - i, &cp);
        if (n == 0) return false;
        bool space = cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r';
        if (cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp < 0xA0)) {
            if (!(multiline && (cp == '\n' || cp == '\r' || cp == '\t'))) return false;
        }
        /* direction marks, embeddings, overrides and isolates (U+061C, U+200E/F, U+202A-E,
           U+2066-9) could make a name display as something else; the line and paragraph
           separators U+2028/9 break a line where no newline is allowed; U+FEFF is invisible */
        if (cp == 0x061C || cp == 0x200E || cp == 0x200F || (cp >= 0x2028 && cp <= 0x202E) ||
            (cp >= 0x2066 && cp <= 0x2069) || cp == 0xFEFF)
            return false;
        if (!space) visible = true;
        i += n;
    }
    return visible;
}

size_t valid_trim(char *s)
{
    size_t len = strlen(s), start = 0;
    while (start < len && (s[start] == ' ' || s[start] == '\t')) start++;
    while (len > start && (s[len - 1] == ' ' || s[len - 1] == '\t')) len--;
    memmove(s, s + start, len - start);
    s[len - start] = '\0';
    return len - start;
}

bool valid_date(const char *s)
{
    if (!s || strlen(s) != 10 || s[4] != '-' || s[7] != '-') return false;
    for (int i = 0; i < 10; i++)
        if (i != 4 && i != 7 && (s[i] < '0' || s[i] > '9')) return false;
    int y = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 + (s[3] - '0');
    int m = (s[5] - '0') * 10 + (s[6] - '0');
    int d = (s[8] - '0') * 10 + (s[9] - '0');
    static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (y < 2000 || y > 2099 || m < 1 || m > 12 || d < 1) return false;
    int max = days[m - 1] + (m == 2 && y % 4 == 0 ? 1 : 0); /* 2000..2099: every 4th is leap */
    return d <= max;
}

bool valid_email(const char *s)
{
    if (!s) return false;
    size_t len = strlen(s);
    if (len < 3 || len > 254) return false;
    const char *at = strchr(s, '@');
    if (!at || at == s || strchr(at + 1, '@')) return false;
    const char *dot = strrchr(at + 1, '.');
    if (!dot || dot == at + 1 || dot[1] == '\0') return false;
    for (const unsigned char *p = (const unsigned char *)s; *p; p++)
        if (*p <= ' ' || *p == 0x7F || *p == '<' || *p == '>' || *p == '"' || *p == ',' || *p == ';')
            return false;
    return valid_text(s, 254, false);
}

bool valid_key(const char *s, size_t max)
{
    if (!s) return false;
    size_t n = 0;
    for (; s[n]; n++) {
        char c = s[n];
        bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                  c == '.' || c == '_' || c == ':' || c == '-';
        if (!ok || n >= max) return false;
    }
    return n > 0;
}

void valid_fold(const char *in, char *out, size_t cap)
{
    if (cap == 0) return;
    size_t o = 0;
    const unsigned char *p = (const unsigned char *)in;
    while (*p && o + 1 < cap) {
        if (*p >= 'A' && *p <= 'Z') {
            out[o++] = (char)(*p + 32);
            p++;
        } else if (*p == 0xC3 && p[1] >= 0x80 && p[1] <= 0x9E && p[1] != 0x97 && o + 2 < cap) {
            /* U+00C0..U+00DE (not U+00D7 ×) lower-case by +0x20, which stays in 0xC3 xx */
            out[o++] = (char)0xC3;
            out[o++] = (char)(p[1] + 0x20);
            p += 2;
        } else {
            out[o++] = (char)*p++;
        }
    }
    /* never end inside a multi-byte sequence */
    while (o > 0 && ((unsigned char)out[o - 1] & 0xC0) == 0x80) {
        size_t start = o - 1;
        while (start > 0 && ((unsigned char)out[start] & 0xC0) == 0x80) start--;
        uint32_t cp;
        if (utf8_decode((const unsigned char *)out + start, o - start, &cp) == o - start) break;
        o = start;
    }
    if (o > 0 && (unsigned char)out[o - 1] >= 0xC0) o--;
    out[o] = '\0';
}

bool valid_in_list(const char *list, const char *addr)
{
    size_t n = strlen(addr);
    for (const char *p = list ? list : ""; *p;) {
        p += strspn(p, " ,\t");
        size_t len = strcspn(p, " ,\t");
        if (len && len == n && memcmp(p, addr, n) == 0) return true;
        p += len;
    }
    return false;
}

bool valid_forwarded_client(const char *xff, const char *trusted, char *out, size_t cap)
{
    const char *end = xff + strlen(xff);
    while (end > xff) {
        const char *start = end;
        while (start > xff && start[-1] != ',') start--;
        const char *a = start, *b = end;
        while (a < b && (*a == ' ' || *a == '\t')) a++;
        while (b > a && (b[-1] == ' ' || b[-1] == '\t')) b--;
        char word[64], norm[INET6_ADDRSTRLEN];
        unsigned char bin[16];
        size_t n = (size_t)(b - a);
        if (n == 0 || n >= sizeof word) return false;
        memcpy(word, a, n);
        word[n] = '\0';
        int fam = strchr(word, ':') ? AF_INET6 : AF_INET;
        if (inet_pton(fam, word, bin) != 1 || !inet_ntop(fam, bin, norm, sizeof norm)) return false;
        if (!valid_in_list(trusted, norm)) {
            if (strlen(norm) >= cap) return false;
            memcpy(out, norm, strlen(norm) + 1);
            return true;
        }
        end = start > xff ? start - 1 : xff;
    }
    return false;
}

bool valid_release_path(const char *path, int64_t max, int64_t *release, const char **name)
{
    /* at most 18 digits, so no overflow on the way (INT64_MAX has 19); max bounds it anyway */
    int64_t n = 0;
    const char *p = path;
    if (*p < '1' || *p > '9') return false;
    for (; *p >= '0' && *p <= '9'; p++) {
        if (p - path == 18) return false;
        n = n * 10 + (*p - '0');
    }
    if (*p != '/' || n > max) return false;
    *release = n;
    *name = p + 1;
    return true;
}
