namespace SourceGenDurable.Generators.Tests;

/// <summary>
/// Durable awaits in shapes that combine the spilled forms with each other and with the statements around them (throw
/// expressions beside awaiting branches, '??=' nested or declared, '?.' on values and in moved catch bodies, awaiting
/// guards, loop clauses): each is lowered, and the generated method compiles with no warning. What each shape does
/// when a crash interrupts it is the corpus's to check.
/// </summary>
public sealed class LoweredShapeTests
{
    [Theory]
    [InlineData("""
        try
        {
            var r = n switch { 0 => await Load(n), _ => throw new InvalidOperationException("x") };
            return r;
        }
        finally
        {
            await Load(1);
        }
        """)]
    [InlineData("""
        int? cached = n > 1 ? n : null;
        return cached ??= await Load(n);
        """)]
    [InlineData("""
        int? v = n > 1 ? n : null;
        var s = v?.CompareTo(await Load(n));
        return s ?? 0;
        """)]
    [InlineData("""
        var list = n > 1 ? new List<int>() : null;
        try
        {
            await Load(n);
        }
        catch (Exception)
        {
            list?.Add(await Load(n));
        }
        return list?.Count ?? 0;
        """)]
    [InlineData("""
        int? a = null;
        int? b = n > 2 ? n : null;
        a ??= b ??= await Load(n);
        return a.Value + (b ?? 0);
        """)]
    [InlineData("""
        var x = n switch { > 0 when await Load(n) > 2 => throw new InvalidOperationException("big"), _ => 1 };
        return x;
        """)]
    [InlineData("""
        var x = 1;
        x += n > 1 ? await Load(n) : throw new InvalidOperationException("small");
        return x;
        """)]
    [InlineData("""
        var y = await Load(n) > 3 ? throw new InvalidOperationException("big") : await Load(n + 1);
        return y;
        """)]
    [InlineData("""
        var s = $"{await Load(n),5}|{n,-3:D2}";
        return s.Length;
        """)]
    [InlineData("""
        for (var i = 0; i < 3; i += await Load(i) > 2 ? 2 : 1)
        {
            if (i == 1)
            {
                continue;
            }

            n += i;
        }

        return n;
        """)]
    [InlineData("""
        var total = 0;
        do
        {
            total += await Load(total);
            if (total > 5)
            {
                continue;
            }
        }
        while (total < 3 && await Load(total) < 100);
        return total;
        """)]
    [InlineData("""
        switch (n)
        {
            case > 1 when await Load(n) > 4:
                n += 10;
                break;
            case 0:
                n += await Load(n);
                break;
            default:
                n -= 1;
                break;
        }

        return n;
        """)]
    [InlineData("""
        int? a = null, b = a ??= await Load(n);
        return a.Value + b.Value;
        """)]
    [InlineData("""
        object o = n;
        if (o is int v && await Load(v) > 2)
        {
            return v + await Load(v);
        }

        return 0;
        """)]
    [InlineData("""
        var count = 0;
        foreach (var c in (await Name(n)).ToCharArray())
        {
            count += c == 'n' ? await Load(count) : 1;
        }

        return count;
        """)]
    [InlineData("""
        var x = 0;
        (x, n) = (await Load(n), x + 1);
        x += (await Load(x)) switch { 0 => 1, var k when k > 3 => await Load(k), _ => throw new InvalidOperationException() };
        return x + n;
        """)]
    [InlineData("""
        var list = new List<int>();
        list.Add(await Load(n));
        var total = list.Count > 0 ? list[0] : await Load(0);
        var text = Text(n);
        total += text?.Length ?? await Load(total);
        return total;
        """)]
    [InlineData("""
        int? cache = null;
        var seen = n > 0 ? new HashSet<int>() : null;
        for (var i = 0; i < 3; i++, cache ??= await Load(i), seen?.Add(await Load(i + 1)))
        {
            n += i;
        }

        return n + (cache ?? 0) + (seen?.Count ?? 0);
        """)]
    [InlineData("""
        if (n > 3)
        {
            throw new InvalidOperationException($"{n} is over {await Load(n)}");
        }

        try
        {
            n += await Load(n);
        }
        catch (InvalidOperationException e)
        {
            throw new ArgumentException(await Name(e.Message.Length), e);
        }

        return n;
        """)]
    [InlineData("""
        var seen = new Dictionary<int, string> { [2] = "two" };
        if (seen.TryGetValue(await Load(n), out var name) && int.TryParse(await Name(name.Length), out _))
        {
            return name.Length + await Load(name.Length);
        }

        try
        {
            System.Threading.Interlocked.Exchange(ref n, await Load(n));
        }
        catch (Exception e)
        {
            int.TryParse(await Name(e.HResult), out n);
        }

        return n;
        """)]
    [InlineData("""
        var s = Text(n) ?? "none";
        var t = (s.Substring(1).Length, await Load(n));
        var u = (n, Twice: n++ + await Load(n));
        var o = new { s.Substring(1).Length, n, Total = n++ + await Load(n) };
        var (length, total) = (o.Length, o.n + o.Total);
        int b;
        (var a, b) = (length, await Load(total));
        return t.Length + t.Item2 + u.n + a + b;
        """)]
    [InlineData("""
        var w = 0;
        while (w++ < 2 && await Load(w + n) is var k && k % 4 != 3)
        {
            n += k;
        }

        return n;
        """)]
    public void Is_lowered_into_a_method_that_compiles_without_warnings(string body)
    {
        var generated = GeneratorHarness.GenerateWorkflow(body);
        Assert.Contains("await __run.CheckpointAsync(0, __slots);", generated, StringComparison.Ordinal);
    }

    [Fact]
    public void A_throw_statement_whose_exception_awaits_throws_after_the_checkpoint_with_the_awaited_value()
    {
        var generated = GeneratorHarness.GenerateWorkflow("""
                if (n > 3)
                {
                    throw new InvalidOperationException($"{n} is over {await Load(n)}");
                }

                return n;
            """);

        // The await is checkpoint 0, spilled before the statement; the throw is copied after it and reads the temporary.
        GeneratorHarness.AssertWrittenBefore(generated, "__slots.__await0 = await __run.StepAsync<int>(0, \"Load\"", "await __run.CheckpointAsync(0, __slots);");
        GeneratorHarness.AssertWrittenBefore(generated, "await __run.CheckpointAsync(0, __slots);", "throw new InvalidOperationException($\"{__slots.n} is over {__slots.__await0}\");");
    }

    [Fact]
    public void Out_and_ref_arguments_beside_an_await_pass_the_variables_themselves_after_the_checkpoint()
    {
        var generated = GeneratorHarness.GenerateWorkflow("""
                var quotient = Math.DivRem(await Load(n), 3, out var remainder);
                System.Threading.Interlocked.Add(ref n, await Load(remainder));
                return n + quotient + remainder;
            """);

        // Each await is a checkpoint spilled before its call; the call is copied after it and passes the slot itself,
        // declared or not, by reference: no copy of the variable is taken before the await.
        GeneratorHarness.AssertWrittenBefore(generated, "await __run.CheckpointAsync(0, __slots);", "Math.DivRem(__slots.__await0, 3, out __slots.remainder);");
        GeneratorHarness.AssertWrittenBefore(generated, "await __run.CheckpointAsync(1, __slots);", "System.Threading.Interlocked.Add(ref __slots.n, __slots.__await1);");
    }

    [Fact]
    public void A_using_declaration_whose_initializer_awaits_makes_its_resource_after_the_checkpoint_inside_the_braces_of_its_block()
    {
        var generated = GeneratorHarness.GenerateWorkflow("""
                if (n > 1)
                {
                    using var reader = new System.IO.StringReader(await Name(n));
                    n += reader.ReadToEnd().Length;
                }

                return n;
            """);

        // The checkpoint comes before the braces that hold the rest of the block from the declaration on, so that a
        // resume can jump to it; the resource is made in them, from the temporary, and not saved.
        var checkpoint = generated.IndexOf("await __run.CheckpointAsync(0, __slots);", StringComparison.Ordinal);
        var declaration = generated.IndexOf("using var reader = new System.IO.StringReader(__slots.__await0);", StringComparison.Ordinal);
        Assert.InRange(checkpoint, 0, declaration);
        Assert.Contains(generated[checkpoint..declaration].Split('\n'), line => line.Trim() == "{");
        Assert.DoesNotContain("__slots.reader", generated, StringComparison.Ordinal);
    }

    [Fact]
    public void A_using_statement_whose_resource_awaits_is_copied_after_the_checkpoint_and_its_resource_is_not_saved()
    {
        var generated = GeneratorHarness.GenerateWorkflow("""
                using (var reader = new System.IO.StringReader(await Name(n)))
                {
                    n += reader.ReadToEnd().Length;
                }

                return n;
            """);

        GeneratorHarness.AssertWrittenBefore(generated, "await __run.CheckpointAsync(0, __slots);", "using (var reader = new System.IO.StringReader(__slots.__await0))");
        Assert.DoesNotContain("__slots.reader", generated, StringComparison.Ordinal);
    }

    [Fact]
    public void A_coalescing_assignment_to_an_element_or_a_member_tests_the_target_and_assigns_it_after_the_checkpoint()
    {
        var generated = GeneratorHarness.GenerateWorkflow("""
                var names = new string?[3];
                var holder = new System.Collections.Generic.Dictionary<int, string?> { [0] = null };
                (string? Text, int Count) pair = (null, 1);
                names[n % 3] ??= await Name(n);
                holder[0] ??= await Name(n + 1);
                pair.Text ??= await Name(n + 2);
                return (names[n % 3] + holder[0] + pair.Text).Length;
            """);

        GeneratorHarness.AssertWrittenBefore(generated, "if (__slots.names[__slots.n % 3] != null)", "await __run.CheckpointAsync(0, __slots);");
        GeneratorHarness.AssertWrittenBefore(generated, "await __run.CheckpointAsync(0, __slots);", "__slots.names[__slots.n % 3] = __slots.__await0;");
        GeneratorHarness.AssertWrittenBefore(generated, "await __run.CheckpointAsync(2, __slots);", "__slots.pair.Text = __slots.__await2;");
    }

    [Fact]
    public void A_variable_read_before_an_operand_that_assigns_it_ahead_of_an_await_is_read_into_a_temporary_first()
    {
        var generated = GeneratorHarness.GenerateWorkflow("""
                var y = n;
                var z = y + (y++ + await Load(y));
                y += y++ + await Load(z);
                return y + z;
            """);

        // y is read into a temporary before the increment runs, and the copies after the checkpoints read the temporaries.
        GeneratorHarness.AssertWrittenBefore(generated, "__slots.__spill0 = __slots.y;", "__slots.__spill1 = __slots.y++;");
        Assert.Contains("__slots.z = __slots.__spill0 + (__slots.__spill1 + __slots.__await0);", generated, StringComparison.Ordinal);
        GeneratorHarness.AssertWrittenBefore(generated, "__slots.__spill3 = __slots.y;", "__slots.__spill4 = __slots.y++;");
        Assert.Contains("__slots.y = (int)(__slots.__spill3 + (__slots.__spill4 + __slots.__await1));", generated, StringComparison.Ordinal);
    }

    [Fact]
    public void A_case_guard_that_awaits_is_a_checkpoint_where_the_guard_runs_and_the_labels_after_it_match_after_it()
    {
        var generated = GeneratorHarness.GenerateWorkflow("""
                switch (n % 5)
                {
                    default:
                        n -= 1;
                        break;
                    case 0:
                        n += 100;
                        break;
                    case var k when k > 1 && await Load(k) > 2:
                        n += k;
                        break;
                    case 4:
                        n += 4;
                        break;
                }

                return n;
            """);

        // The guard's await is checkpoint 0, run where the guard is, after its pattern matched: nothing awaits inside a
        // case label any more.
        Assert.DoesNotContain("when k > 1", generated, StringComparison.Ordinal);
        GeneratorHarness.AssertWrittenBefore(generated, "case 0:", "case var k:");
        GeneratorHarness.AssertWrittenBefore(generated, "case var k:", "__slots.__await0 = await __run.StepAsync<int>(0, \"Load\"");
        // The value is matched again after that checkpoint, so it is a slot; default goes last, where C# takes it.
        GeneratorHarness.AssertWrittenBefore(generated, "await __run.CheckpointAsync(0, __slots);", "case 4:");
        GeneratorHarness.AssertWrittenBefore(generated, "case 4:", "default:");
        Assert.Equal(2, generated.Split("switch (__slots.__switch0_value)").Length - 1);
    }

    [Fact]
    public void When_a_guard_that_awaits_is_the_last_label_and_fails_default_is_taken()
    {
        var generated = GeneratorHarness.GenerateWorkflow("""
                switch (n % 4)
                {
                    case 0:
                        n += 100;
                        break;
                    default:
                        n -= 1;
                        break;
                    case var k when k > 1 && await Load(k) > 2:
                        n += k;
                        break;
                }

                return n;
            """);

        // One switch, ended by the guard's pattern; after the guard, the jump to default's section (the second).
        Assert.Equal(1, generated.Split("switch (__slots.__switch0_value)").Length - 1);
        GeneratorHarness.AssertWrittenBefore(generated, "__switch_L8_next2:;", "goto __switch_L8_section1;");
        Assert.DoesNotContain("default:", generated, StringComparison.Ordinal);
    }

    [Fact]
    public void When_a_guard_that_awaits_is_followed_only_by_default_no_switch_is_written_for_default()
    {
        var generated = GeneratorHarness.GenerateWorkflow("""
                switch (n % 4)
                {
                    case var k when k > 1 && await Load(k) > 2:
                        n += k;
                        break;
                    default:
                        n -= 1;
                        break;
                }

                return n;
            """);

        // The switch ends at the guard's pattern; when the guard fails, a jump takes default's section (the second),
        // rather than a switch of default alone followed by a jump it leaves unreachable (CS0162).
        Assert.Equal(1, generated.Split("switch (__slots.__switch0_value)").Length - 1);
        GeneratorHarness.AssertWrittenBefore(generated, "__switch_L8_next0:;", "goto __switch_L8_section1;");
        Assert.DoesNotContain("default:", generated, StringComparison.Ordinal);
    }
}
