#pragma once

#include <QString>

namespace retort {

// libpq conninfo value quoting (Qt's QPSQL appends connect options to the conninfo
// string after turning ';' into ' ').
// The value as libpq reads it in a conninfo string: as is when it has no space, quote or
// backslash, else in single quotes with quotes and backslashes escaped.
QString libpqQuote(const QString& value);

} // namespace retort
