#include "profile.h"

namespace sb {

QString Profile::secretKey() const
{
    return QStringLiteral("profile/") + name;
}

} // namespace sb
