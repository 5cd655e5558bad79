#pragma once

#include "model/script/pythontokenizer.h"

#include <QList>
#include <QString>
#include <QStringView>

namespace retort::python {

// A statically known Python value, or the reason it is not known.
struct PyValue
{
    enum class Kind
    {
        None,
        Str,
        Seq,
        Other,
        Unknown
    };
    Kind kind = Kind::Unknown;
    QString str;          // Str: the string; Other: what it is ("a number"); Unknown: why
    QList<PyValue> items; // Seq
    QStringView expr;     // Unknown with an empty `str`: the expression, reason made on use
    // Unknown because it names something nothing binds: Python raises NameError on import.
    bool nameError = false;

    static PyValue none() { return make(Kind::None); }
    static PyValue string(QString s) { return make(Kind::Str, std::move(s)); }
    static PyValue other(QString what) { return make(Kind::Other, std::move(what)); }
    static PyValue unknown(QString why) { return make(Kind::Unknown, std::move(why)); }
    static PyValue seq(QList<PyValue> items) { return make(Kind::Seq, {}, std::move(items)); }

private:
    static PyValue make(Kind kind, QString str = {}, QList<PyValue> items = {})
    {
        PyValue v;
        v.kind = kind;
        v.str = std::move(str);
        v.items = std::move(items);
        return v;
    }
};

using TokenIt = QList<PyToken>::const_iterator;

} // namespace retort::python
