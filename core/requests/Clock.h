#pragma once

#include "common/Time.h"

namespace quill::requests {

/// Where the request machinery gets the time from; tests inject a fake one.
class Clock
{
public:
    virtual ~Clock() = default;
    virtual UnixMillis now() const = 0;
};

class SystemClock final : public Clock
{
public:
    UnixMillis now() const override { return nowMillis(); }
};

} // namespace quill::requests
