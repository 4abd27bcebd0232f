//! A local DataZone-compatible endpoint (being built).
