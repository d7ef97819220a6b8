#include "outputfile.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QSaveFile>

#include <sys/stat.h>

#include <cerrno>
#include <cstring>

namespace sb {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("sb::OutputFile", text);
}

QString shown(const QString &path)
{
    return path == QLatin1String("-") ? tr("standard output") : QDir::toNativeSeparators(path);
}

} // namespace

Result<std::unique_ptr<QFileDevice>> openOutput(const QString &path)
{
    if (path == QLatin1String("-")) {
        auto file = std::make_unique<QFile>();
        if (!file->open(stdout, QIODevice::WriteOnly, QFileDevice::DontCloseHandle))
            return Error::storage(tr("Cannot write to standard output"));
        return std::unique_ptr<QFileDevice>(std::move(file));
    }
    struct stat st
    {
    };
    if (::stat(QFile::encodeName(path).constData(), &st) == 0) {
        if (S_ISDIR(st.st_mode))
            return Error::storage(tr("Cannot write %1: it is a folder").arg(shown(path)));
        if (!S_ISREG(st.st_mode)) {
            // A FIFO, a terminal, /dev/null: written into, never replaced.
            auto file = std::make_unique<QFile>(path);
            if (!file->open(QIODevice::WriteOnly | QIODevice::Unbuffered))
                return Error::storage(tr("Cannot write %1: %2").arg(shown(path), file->errorString()));
            return std::unique_ptr<QFileDevice>(std::move(file));
        }
    }
    auto file = std::make_unique<QSaveFile>(path);
    if (!file->open(QIODevice::WriteOnly))
        return Error::storage(tr("Cannot write %1: %2").arg(shown(path), file->errorString()));
    return std::unique_ptr<QFileDevice>(std::move(file));
}

Error finishOutput(QFileDevice *device, const QString &path)
{
    // Qt 6.4's QSaveFile::commit() does not check its last flush: a full disk would leave a
    // truncated file in the target's place. Flushed and checked here first.
    errno = 0;
    if (!device->flush() || device->error() != QFileDevice::NoError) {
        // Qt 6.4 may lose the system's reason ("Unknown error"); errno still has it.
        const int why = errno;
        QString reason = device->errorString();
        if (why != 0 && (reason.isEmpty() || reason == QLatin1String("Unknown error")))
            reason = QString::fromLocal8Bit(std::strerror(why));
        const Error e = Error::storage(tr("Cannot write %1: %2").arg(shown(path), reason));
        abandonOutput(device);
        return e;
    }
    if (auto *save = qobject_cast<QSaveFile *>(device)) {
        if (!save->commit())
            return Error::storage(tr("Cannot write %1: %2").arg(shown(path), save->errorString()));
    }
    return {};
}

void abandonOutput(QFileDevice *device)
{
    if (auto *save = qobject_cast<QSaveFile *>(device))
        save->cancelWriting();
}

} // namespace sb
