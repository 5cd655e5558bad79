#pragma once

#include <QString>

#include <optional>
#include <type_traits>
#include <utility>

namespace retort {

// The error half of a Result, to return from a function whatever its value type:
// `return Failure{error};` (std::unexpected in C++23).
template <typename E> struct Failure
{
    E error;
};
template <typename E> Failure(E) -> Failure<E>;

// A value or the reason there is none. Model code returns these instead of throwing
// across Qt boundaries or filling out-parameters (std::expected is C++23; this is the part
// of it we need). The reason is a user-visible QString unless E says otherwise;
// Result<void, E> is "done, or why not". A success constructs no E: the planner returns
// one of these per step.
template <typename T, typename E = QString> class Result
{
public:
    Result(T value) : m_value(std::move(value)) {}
    template <typename F, typename = std::enable_if_t<std::is_convertible_v<F, E>>>
    Result(Failure<F> failure) : m_error(std::move(failure.error))
    {
    }

    static Result failure(E error) { return Result(Failure<E>{std::move(error)}); }

    bool ok() const { return m_value.has_value(); }
    explicit operator bool() const { return ok(); }

    const T& value() const& { return *m_value; }
    T& value() & { return *m_value; }
    T&& value() && { return std::move(*m_value); }
    const T* operator->() const { return &*m_value; }
    T* operator->() { return &*m_value; }
    const T& operator*() const& { return *m_value; }
    T& operator*() & { return *m_value; }
    T&& operator*() && { return std::move(*m_value); }

    // The reason (a default-constructed E when there is a value).
    const E& error() const { return m_error ? *m_error : noError(); }

private:
    static const E& noError()
    {
        static const E none{};
        return none;
    }

    std::optional<T> m_value;
    std::optional<E> m_error;
};

template <typename E> class Result<void, E>
{
public:
    Result() = default;
    template <typename F, typename = std::enable_if_t<std::is_convertible_v<F, E>>>
    Result(Failure<F> failure) : m_error(std::move(failure.error))
    {
    }

    static Result failure(E error) { return Result(Failure<E>{std::move(error)}); }

    bool ok() const { return !m_error.has_value(); }
    explicit operator bool() const { return ok(); }

    // The reason (a default-constructed E on success).
    const E& error() const { return m_error ? *m_error : noError(); }

private:
    static const E& noError()
    {
        static const E none{};
        return none;
    }

    std::optional<E> m_error;
};

} // namespace retort
