#pragma once

#include <QFileSystemWatcher>
#include <QObject>
#include <QString>
#include <QStringList>
#include <QTimer>

namespace quill::vault {

/// Tells a long-running process (the desktop app) that another process changed the data
/// folder: an index replaced (a rename into the folder) or an append-only file grown.
/// Changes are coalesced: changed() comes once, 50 ms after a burst of file events, and the
/// listeners re-read what they show (JournaledIndex::refresh() costs one stat() when nothing
/// changed).
class DataFolderWatcher : public QObject
{
    Q_OBJECT
public:
    /// `files`: names in the folder that are changed in place (e.g. "activity.jsonl").
    DataFolderWatcher(const QString &dataDir, QStringList files, QObject *parent = nullptr);

Q_SIGNALS:
    void changed();

private:
    void rewatch();

    QString m_dataDir;
    QStringList m_files;
    QFileSystemWatcher m_watcher;
    QTimer m_debounce;
};

} // namespace quill::vault
