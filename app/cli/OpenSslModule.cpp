// operations() for the lean quill-cli (issue 12): libcrypto stays out of the process until a
// keystore or a signature libsodium refused needs it; then quill-openssl.so (the same
// OpenSslOperations.cpp the linked programs use, with libcrypto) is loaded from beside this
// binary (build tree) or from <libexecdir>/quill (installed), like quill-cli-full.
#include "Installed.h"
#include "crypto/OpenSsl.h"

#include <dlfcn.h>

#include <string>

namespace quill::crypto::openssl {

namespace {

Result<const Operations *> load()
{
    QString why;
    for (const std::string &candidate : cli::installedPaths("quill-openssl.so")) {
        // Kept for the life of the process; RTLD_LOCAL keeps libcrypto's symbols to the module.
        void *module = ::dlopen(candidate.c_str(), RTLD_NOW | RTLD_LOCAL);
        if (!module) {
            why = QString::fromLocal8Bit(::dlerror());
            continue;
        }
        using Entry = const Operations *(*)(unsigned);
        const auto entry = reinterpret_cast<Entry>(::dlsym(module, "quill_openssl_operations"));
        const Operations *ops = entry ? entry(kOperationsVersion) : nullptr;
        if (ops)
            return ops;
        return Error{ErrorCode::CryptoFailure,
                     QStringLiteral("%1 is from another Quill build; reinstall Quill")
                         .arg(QString::fromStdString(candidate))};
    }
    return Error{ErrorCode::CryptoFailure,
                 QStringLiteral("cannot load quill-openssl.so, which quill-cli needs for keystores "
                                "(it is installed beside quill-cli-full in <libexecdir>/quill): %1")
                     .arg(why)};
}

} // namespace

Result<const Operations *> operations()
{
    static const Result<const Operations *> loaded = load();
    return loaded;
}

} // namespace quill::crypto::openssl
