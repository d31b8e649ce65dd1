#include "TemporaryStore.h"

namespace switchboard::test {

TemporaryStore::TemporaryStore(const QString &fileName)
    : m_path(m_dir.filePath(fileName))
{
    if (!m_dir.isValid())
        m_error = QStringLiteral("cannot create a temporary directory: ") + m_dir.errorString();
    else
        m_store.open(m_path, &m_error);
}

} // namespace switchboard::test
