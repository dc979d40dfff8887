#include "vault/KeystoreExport.h"

#include "common/Async.h"
#include "vault/WalletVault.h"

#include <QFile>
#include <QFileInfo>
#include <QSaveFile>

#include <memory>

namespace quill::vault {

namespace {

constexpr QFileDevice::Permissions kOwnerOnly = QFileDevice::ReadOwner | QFileDevice::WriteOwner;

Error ioError(const QString &path, const QString &why)
{
    return Error{ErrorCode::Io, QStringLiteral("%1: %2").arg(path, why)};
}

} // namespace

Status writeOwnerOnlyFile(const QString &path, std::string_view text, bool overwrite)
{
    bool claimed = false;
    if (!overwrite) {
        // Claim the name (O_CREAT|O_EXCL, 0600): a file that appears after the user chose
        // the name is never replaced, and QSaveFile keeps the claimed file's mode.
        QFile claim(path);
        if (!claim.open(QIODevice::WriteOnly | QIODevice::NewOnly, kOwnerOnly)) {
            if (QFileInfo::exists(path))
                return Error{ErrorCode::InvalidArgument,
                             QStringLiteral("%1 exists; not overwriting it").arg(path)};
            return ioError(path, claim.errorString());
        }
        claim.close();
        claimed = true;
    }
    auto unclaim = [&] {
        if (claimed)
            QFile::remove(path);
    };
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        unclaim();
        return ioError(path, file.errorString());
    }
    // The temporary file: owner-only before the first byte (QSaveFile makes a new file 0666
    // minus the umask).
    if (!file.setPermissions(kOwnerOnly)) {
        file.cancelWriting();
        unclaim();
        return ioError(path, file.errorString());
    }
    if (file.write(text.data(), qint64(text.size())) != qint64(text.size()) || !file.commit()) {
        const QString why = file.errorString();
        file.cancelWriting();
        unclaim();
        return ioError(path, why);
    }
    return okStatus();
}

void exportKeystore(WalletVault &vault, const QString &address, crypto::SecureBytes password,
                    const QString &path, const KeystoreExportOptions &options,
                    std::function<void(Status)> done)
{
    if (password.empty()) {
        done(Error{ErrorCode::InvalidArgument, QStringLiteral("the password is empty")});
        return;
    }
    auto pw = std::make_shared<crypto::SecureBytes>(std::move(password));
    vault.privateKey(address, [context = &vault, pw, path, options,
                               done = std::move(done)](Result<crypto::SecureBytes> key) mutable {
        if (!key) {
            done(key.error());
            return;
        }
        auto secret = std::make_shared<crypto::SecureBytes>(std::move(key).value());
        runInBackground(
            context,
            [secret, pw, path, options]() -> Status {
                auto json = eth::keystore::encrypt(*secret, *pw, options.scrypt);
                secret->clear();
                pw->clear();
                if (!json)
                    return json.error();
                return writeOwnerOnlyFile(path, *json, options.overwrite);
            },
            std::move(done));
    });
}

} // namespace quill::vault
