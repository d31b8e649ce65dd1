#pragma once

#include <cstdint>

namespace switchboard::bench {

// The standard 32-bit mulberry32 generator, bit-for-bit the JavaScript original
// (Math.imul and >>> are 32-bit unsigned arithmetic here), so other peers can rebuild the same DAG.
class Mulberry32 final
{
public:
    explicit Mulberry32(std::uint32_t seed)
        : m_state(seed)
    {}

    std::uint32_t nextUint()
    {
        m_state += 0x6D2B79F5u;
        std::uint32_t t = m_state;
        t = (t ^ (t >> 15)) * (t | 1u);
        t ^= t + (t ^ (t >> 7)) * (t | 61u);
        return t ^ (t >> 14);
    }

    // floor(next() * bound) where next() is in [0, 1): exact, since uint32 / 2^32 * bound needs
    // at most 32 + log2(bound) bits and a double has 53.
    std::uint32_t below(std::uint32_t bound)
    {
        return static_cast<std::uint32_t>((static_cast<std::uint64_t>(nextUint()) * bound) >> 32);
    }

private:
    std::uint32_t m_state;
};

} // namespace switchboard::bench
