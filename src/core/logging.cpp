#include "logging.h"

Q_LOGGING_CATEGORY(lcCore, "sb.core", QtInfoMsg)
Q_LOGGING_CATEGORY(lcNet, "sb.net", QtInfoMsg)
Q_LOGGING_CATEGORY(lcModel, "sb.model", QtInfoMsg)
Q_LOGGING_CATEGORY(lcSecrets, "sb.secrets", QtInfoMsg)
Q_LOGGING_CATEGORY(lcExport, "sb.export", QtInfoMsg)
Q_LOGGING_CATEGORY(lcSandbox, "sb.sandbox", QtInfoMsg)
Q_LOGGING_CATEGORY(lcUi, "sb.ui", QtInfoMsg)
Q_LOGGING_CATEGORY(lcStore, "sb.store", QtInfoMsg)
