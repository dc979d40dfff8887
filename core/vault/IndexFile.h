#pragma once

#include "common/Result.h"

#include <QJsonArray>
#include <QString>

namespace quill::vault {

/// A versioned JSON index of non-secret records ({"version":1,"<name>":[…]}) in the data
/// folder, written atomically (QSaveFile) with owner-only permissions.
class IndexFile
{
public:
    IndexFile(QString path, QString listName) : m_path(std::move(path)), m_listName(std::move(listName)) {}

    const QString &path() const { return m_path; }
    /// Returns: the records (empty if the file does not exist), IndexCorrupt or StorageFailure.
    [[nodiscard]] Result<QJsonArray> read() const;
    [[nodiscard]] Status write(const QJsonArray &records) const;

private:
    QString m_path;
    QString m_listName;
};

/// Journal states of a record whose secret lives in the keychain (see WalletVault).
enum class RecordState { Pending, Ready, Removing };
QString toString(RecordState state);
bool parseRecordState(const QString &text, RecordState &out);

} // namespace quill::vault
