using ReliefMatch.Core.Extracts;

namespace ReliefMatch.SampleData.Model;

/// <summary>A disability certificate fixed in advance for a low-income person.</summary>
internal readonly record struct PlantedCertificate(int Person, DisabilityCategory Category, int Level, string Status);
