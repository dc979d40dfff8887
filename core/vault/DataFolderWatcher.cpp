#include "vault/DataFolderWatcher.h"

#include <QDir>
#include <QFileInfo>

namespace quill::vault {

namespace {
constexpr int kDebounceMs = 50;
}

DataFolderWatcher::DataFolderWatcher(const QString &dataDir, QStringList files, QObject *parent)
    : QObject(parent), m_dataDir(dataDir), m_files(std::move(files))
{
    QDir().mkpath(m_dataDir);
    m_debounce.setSingleShot(true);
    m_debounce.setInterval(kDebounceMs);
    connect(&m_debounce, &QTimer::timeout, this, &DataFolderWatcher::changed);
    auto onEvent = [this] {
        rewatch(); // a rotated or newly created file is a new inode to watch
        m_debounce.start();
    };
    connect(&m_watcher, &QFileSystemWatcher::directoryChanged, this, onEvent);
    connect(&m_watcher, &QFileSystemWatcher::fileChanged, this, onEvent);
    m_watcher.addPath(m_dataDir);
    rewatch();
}

void DataFolderWatcher::rewatch()
{
    for (const auto &name : m_files) {
        const QString path = m_dataDir + QLatin1Char('/') + name;
        if (QFileInfo::exists(path) && !m_watcher.files().contains(path))
            m_watcher.addPath(path);
    }
}

} // namespace quill::vault
