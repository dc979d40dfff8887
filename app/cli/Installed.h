#pragma once

#include <array>
#include <string>
#include <string_view>

namespace quill::cli {

/// Where the lean quill-cli finds a program or module of its own (quill-cli-full,
/// quill-openssl.so): beside its executable (the build tree), then in <libexecdir>/quill
/// relative to it (installed). The executable's own path is /proc/self/exe, not argv[0].
std::array<std::string, 2> installedPaths(std::string_view name);

} // namespace quill::cli
