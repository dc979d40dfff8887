#include "common/Time.h"

#include <chrono>
#include <cstdio>

namespace quill {

namespace {

bool digits(std::string_view s, std::size_t pos, std::size_t n, int &out)
{
    if (pos + n > s.size())
        return false;
    int v = 0;
    for (std::size_t i = pos; i < pos + n; ++i) {
        if (s[i] < '0' || s[i] > '9')
            return false;
        v = v * 10 + (s[i] - '0');
    }
    out = v;
    return true;
}

Error bad(const char *what)
{
    return Error{ErrorCode::InvalidTime, QString::fromLatin1(what)};
}

} // namespace

Result<UnixMillis> parseRfc3339(std::string_view s)
{
    using namespace std::chrono;
    int year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0;
    if (!digits(s, 0, 4, year) || s.size() < 19 || s[4] != '-' || !digits(s, 5, 2, month) ||
        s[7] != '-' || !digits(s, 8, 2, day))
        return bad("expected YYYY-MM-DD");
    if (s[10] != 'T' && s[10] != 't')
        return bad("expected 'T' between date and time");
    if (!digits(s, 11, 2, hour) || s[13] != ':' || !digits(s, 14, 2, minute) || s[16] != ':' ||
        !digits(s, 17, 2, second))
        return bad("expected hh:mm:ss");
    const year_month_day ymd{std::chrono::year{year}, std::chrono::month{unsigned(month)},
                             std::chrono::day{unsigned(day)}};
    if (!ymd.ok())
        return bad("no such calendar date");
    // RFC 3339 allows second 60 (leap second); JavaScript and chrono fold it into the next.
    if (hour > 23 || minute > 59 || second > 60)
        return bad("time of day out of range");
    std::size_t pos = 19;
    int millis = 0;
    if (pos < s.size() && s[pos] == '.') {
        ++pos;
        const std::size_t start = pos;
        while (pos < s.size() && s[pos] >= '0' && s[pos] <= '9') {
            if (pos - start < 3)
                millis = millis * 10 + (s[pos] - '0');
            ++pos;
        }
        if (pos == start)
            return bad("empty fraction of a second");
        for (std::size_t n = pos - start; n < 3; ++n)
            millis *= 10;
    }
    if (pos >= s.size())
        return bad("missing time zone offset (Z or +hh:mm)");
    int offsetMinutes = 0;
    if (s[pos] == 'Z' || s[pos] == 'z') {
        ++pos;
    } else if (s[pos] == '+' || s[pos] == '-') {
        int oh = 0, om = 0;
        if (!digits(s, pos + 1, 2, oh) || pos + 3 >= s.size() || s[pos + 3] != ':' ||
            !digits(s, pos + 4, 2, om) || oh > 23 || om > 59)
            return bad("malformed offset, expected +hh:mm");
        offsetMinutes = (oh * 60 + om) * (s[pos] == '-' ? -1 : 1);
        pos += 6;
    } else {
        return bad("missing time zone offset (Z or +hh:mm)");
    }
    if (pos != s.size())
        return bad("trailing characters");
    const auto days = sys_days(ymd).time_since_epoch().count();
    return static_cast<UnixMillis>(days) * kDay + hour * kHour + minute * kMinute +
           second * kSecond + millis - offsetMinutes * kMinute;
}

std::string formatIso(UnixMillis t)
{
    using namespace std::chrono;
    UnixMillis days = t / kDay;
    UnixMillis rest = t % kDay;
    if (rest < 0) {
        rest += kDay;
        --days;
    }
    const year_month_day ymd{sys_days{std::chrono::days{days}}};
    char buf[32];
    std::snprintf(buf, sizeof buf, "%04d-%02u-%02uT%02d:%02d:%02d.%03dZ", int(ymd.year()),
                  unsigned(ymd.month()), unsigned(ymd.day()), int(rest / kHour),
                  int(rest % kHour / kMinute), int(rest % kMinute / kSecond), int(rest % kSecond));
    return buf;
}

UnixMillis nowMillis()
{
    using namespace std::chrono;
    return duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count();
}

} // namespace quill
