// SyncRun and SegmentChange: the words a run and a change are stored and printed with, and who ran a sync.
#include "segmentstore.h"

#include <QCoreApplication>
#include <QSysInfo>

#include <pwd.h>
#include <unistd.h>

namespace sb {

SyncRun::Outcome SyncRun::outcomeFromName(const QString &name)
{
    if (name == QLatin1String("failed"))
        return SyncRun::Outcome::Failed;
    if (name == QLatin1String("cancelled"))
        return SyncRun::Outcome::Cancelled;
    return SyncRun::Outcome::Succeeded;
}

QString SyncRun::thisMachine()
{
    return QSysInfo::machineHostName();
}

QString SyncRun::thisUser()
{
    if (const passwd *entry = ::getpwuid(::geteuid()))
        return QString::fromLocal8Bit(entry->pw_name);
    return qEnvironmentVariable("USER");
}

QString SyncRun::ranBy() const
{
    if (user.isEmpty())
        return machine;
    return machine.isEmpty() ? user : QCoreApplication::translate("sb::SyncRun", "%1 on %2").arg(user, machine);
}

QString SyncRun::outcomeName(Outcome outcome)
{
    switch (outcome) {
    case Outcome::Failed:
        return QStringLiteral("failed");
    case Outcome::Cancelled:
        return QStringLiteral("cancelled");
    case Outcome::Succeeded:
        break;
    }
    return QStringLiteral("succeeded");
}

QString SegmentChange::kindName(Kind kind)
{
    switch (kind) {
    case Kind::Removed:
        return QStringLiteral("removed");
    case Kind::Changed:
        return QStringLiteral("changed");
    case Kind::Added:
        break;
    }
    return QStringLiteral("added");
}

} // namespace sb
