#pragma once

#include "requests/Clock.h"

namespace quill::test {

/// A clock the test moves by hand.
class FakeClock final : public requests::Clock
{
public:
    explicit FakeClock(UnixMillis start) : m_now(start) {}
    UnixMillis now() const override { return m_now; }
    void advance(UnixMillis ms) { m_now += ms; }
    void set(UnixMillis t) { m_now = t; }

private:
    UnixMillis m_now;
};

} // namespace quill::test
