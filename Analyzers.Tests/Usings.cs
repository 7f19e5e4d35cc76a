global using System;
global using System.Threading.Tasks;
global using Xunit;
global using Microsoft.CodeAnalysis.Testing;
global using Fragless.Analyzers.Tests.Verifiers;
