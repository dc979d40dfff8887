#include "Installed.h"

#include <unistd.h>

#include <climits>

namespace quill::cli {

std::array<std::string, 2> installedPaths(std::string_view name)
{
    char self[PATH_MAX];
    const ssize_t n = ::readlink("/proc/self/exe", self, sizeof self - 1);
    std::string dir = n > 0 ? std::string(self, std::size_t(n)) : std::string();
    dir = dir.substr(0, dir.rfind('/') + 1);
    return {dir + std::string(name), dir + QUILL_LIBEXEC_RELATIVE + std::string(name)};
}

} // namespace quill::cli
