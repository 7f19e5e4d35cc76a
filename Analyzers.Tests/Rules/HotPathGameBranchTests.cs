using VerifyCS = Fragless.Analyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    Fragless.Analyzers.Rules.HotPathAllocationAnalyzer,
    Fragless.CodeFixes.Rules.HotPathAllocationFixer>;

namespace Fragless.Analyzers.Tests.Rules;

/// <summary>
/// FRAG005 in game code: what a per-frame method does in one branch (if the key was pressed) or after an early return
/// that asks something (<c>if (!Input.GetMouseButtonDown(0)) return;</c>) runs when the branch is taken, seldom every
/// frame; after a guard on state (<c>if (!_visible) return;</c>) it runs on every frame. Its allocations
/// are not reported, and its calls do not make their callees hot, unless <c>fragless.hot_follow_branches = true</c>.
/// In device code, a branch picks the work for each packet, and counts. The sizes are only known per call: no fix.
/// </summary>
public class HotPathGameBranchTests
{
    private const string Selector = """
        class Selector : UnityEngine.MonoBehaviour
        {
            int _n = 2;
            bool _down;
            bool _visible = true;

            void Update()
            {
                Begin();
                var every = {|#0:new byte[_n]|};
                _n = every.Length;
                if (_down)
                {
                    var pressed = IN_BRANCH;
                    _n = pressed.Length;
                }

                if (!_visible)
                    return;
                var visible = {|#5:new byte[_n]|};
                _n = visible.Length;
                if (!Input.GetMouseButtonDown(0))
                    return;
                var afterReturn = AFTER_RETURN;
                _n = afterReturn.Length;
                Fire();
            }

            void Begin()
            {
                if (Input.GetMouseButtonDown(0) == false) { return; }
                var list = IN_BEGIN;
                _n = list.Length;
            }

            void Fire()
            {
                var shot = IN_FIRE;
                _n = shot.Length;
            }
        }

        static class Input
        {
            public static bool GetMouseButtonDown(int button) => button < 0;
        }
        """;

    [Fact]
    public async Task InAPerFrameMessage_BranchesAndWhatFollowsAnEarlyReturn_AreNotEveryFrame()
    {
        await VerifyCS.VerifyAnalyzerAsync(
            Selector.Replace("IN_BRANCH", "new byte[_n]").Replace("AFTER_RETURN", "new byte[_n]").Replace("IN_BEGIN", "new byte[_n]").Replace("IN_FIRE", "new byte[_n]")
                + HotPathAllocationTests.UnityStub,
            VerifyCS.Diagnostic().WithLocation(0).WithArguments("'every' allocates a new byte[_n]", "every frame ('Update')", " (no automatic fix: its size uses '_n', which a field initializer may not compute the same way)"),
            // A guard on state (`if (!_visible) return;`) lets the rest run on every frame.
            VerifyCS.Diagnostic().WithLocation(5).WithArguments("'visible' allocates a new byte[_n]", "every frame ('Update')", " (no automatic fix: its size uses '_n', which a field initializer may not compute the same way)"));
    }

    [Fact]
    public async Task WithHotFollowBranches_TheyAre()
    {
        await new VerifyCS.Test
        {
            TestCode = Selector.Replace("IN_BRANCH", "{|#1:new byte[_n]|}").Replace("AFTER_RETURN", "{|#2:new byte[_n]|}").Replace("IN_BEGIN", "{|#3:new byte[_n]|}").Replace("IN_FIRE", "{|#4:new byte[_n]|}")
                + HotPathAllocationTests.UnityStub,
            TestState = { AnalyzerConfigFiles = { EditorConfigFile.ForCSharp("fragless.hot_follow_branches = true") } },
            ExpectedDiagnostics =
            {
                VerifyCS.Diagnostic().WithLocation(0),
                VerifyCS.Diagnostic().WithLocation(5),
                VerifyCS.Diagnostic().WithLocation(1).WithArguments("'pressed' allocates a new byte[_n]", "every frame ('Update')", " (no automatic fix: its size uses '_n', which a field initializer may not compute the same way)"),
                VerifyCS.Diagnostic().WithLocation(2),
                VerifyCS.Diagnostic().WithLocation(3).WithArguments("'list' allocates a new byte[_n]", "on every call of 'Begin', which is called from 'Update', which runs every frame", " (no automatic fix: its size uses '_n', which a field initializer may not compute the same way)"),
                VerifyCS.Diagnostic().WithLocation(4).WithArguments("'shot' allocates a new byte[_n]", "on every call of 'Fire', which is called from 'Update', which runs every frame", " (no automatic fix: its size uses '_n', which a field initializer may not compute the same way)"),
            },
        }.RunAsync();
    }

    [Fact]
    public async Task InDeviceCode_WhatFollowsAnEarlyReturnStillRunsOnEveryCall()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            public static class Program
            {
                private static int s_n = 4;

                public static void Main()
                {
                    while (true) Poll();
                }

                private static void Poll()
                {
                    if (s_n < 0)
                        return;
                    var packet = {|#0:new byte[s_n]|};
                    s_n = packet.Length;
                }
            }
            """,
            VerifyCS.Diagnostic().WithLocation(0).WithArguments("'packet' allocates a new byte[s_n]", "on every call of 'Poll', which is called on every iteration of the loop in 'Main'", " (no automatic fix: its size uses 's_n', which a field initializer may not compute the same way)"));
    }
}
