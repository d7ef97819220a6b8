#include "logging.h"

Q_LOGGING_CATEGORY(lcCore, "sb.core")
Q_LOGGING_CATEGORY(lcNet, "sb.net")
Q_LOGGING_CATEGORY(lcModel, "sb.model")
Q_LOGGING_CATEGORY(lcSecrets, "sb.secrets")
Q_LOGGING_CATEGORY(lcExport, "sb.export")
Q_LOGGING_CATEGORY(lcSandbox, "sb.sandbox")
Q_LOGGING_CATEGORY(lcUi, "sb.ui")
