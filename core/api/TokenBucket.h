#pragma once

#include <QtGlobal>

#include <algorithm>

namespace quill::api {

/// A token bucket: `burst` messages at once, refilled at `perSecond`. Time is passed in
/// (monotonic milliseconds) so tests need no sleeping.
class TokenBucket
{
public:
    TokenBucket(double perSecond, double burst, qint64 nowMs)
        : m_rate(perSecond), m_burst(burst), m_tokens(burst), m_last(nowMs)
    {
    }

    /// Takes one token. Returns: false if the bucket is empty (the message is over budget).
    bool take(qint64 nowMs)
    {
        if (nowMs > m_last) {
            m_tokens = std::min(m_burst, m_tokens + m_rate * double(nowMs - m_last) / 1000.0);
            m_last = nowMs;
        }
        if (m_tokens < 1.0)
            return false;
        m_tokens -= 1.0;
        return true;
    }

private:
    double m_rate;
    double m_burst;
    double m_tokens;
    qint64 m_last;
};

} // namespace quill::api
