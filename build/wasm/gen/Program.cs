using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;
using System.Reflection.PortableExecutable;
using Navidrome.DiscordPresence.WasmGen;

// Usage: gen <published-assemblies-dir> <untrimmed DiscordPresence.Exports.dll> <libSystem.Native symbols file>
//            <pack cookies file> <out-dir>
// Writes into out-dir: pinvoke-table.h, wasm_m2n_invoke.g.h, exports.g.c, assemblies.g.h (+ asm/ copies) and
// pinvokes.txt (what was found, for review). Exit code 1 with a message on any inconsistency.
if (args.Length != 5)
{
    Console.Error.WriteLine("usage: gen <assemblies-dir> <exports-dll> <system-native-symbols> <pack-cookies> <out-dir>");
    return 2;
}
var (assembliesDir, exportsDll, nativeSymbolsFile, packCookiesFile, outDir) = (args[0], args[1], args[2], args[3], args[4]);

var files = Directory.GetFiles(assembliesDir, "*.dll").Order(StringComparer.Ordinal).ToList();
var peReaders = files.Select(f => new PEReader(File.OpenRead(f))).ToList();
var readers = peReaders.Select(p => p.GetMetadataReader()).ToList();
var cookies = new Cookies(new TypeIndex(readers));
var nativeSymbols = File.ReadAllLines(nativeSymbolsFile).Select(l => l.Trim()).Where(l => l.Length > 0).ToHashSet(StringComparer.Ordinal);

var pinvokes = new SortedDictionary<string, SortedDictionary<string, string>>(StringComparer.Ordinal);
var trampolineCookies = new SortedSet<string>(StringComparer.Ordinal);
var skipped = new List<string>();
var problems = new List<string>();

foreach (var reader in readers)
{
    var provider = new SigTypeProvider(reader);
    var assembly = reader.GetString(reader.GetAssemblyDefinition().Name);
    foreach (var methodHandle in reader.MethodDefinitions)
    {
        var method = reader.GetMethodDefinition(methodHandle);
        var isPinvoke = (method.Attributes & MethodAttributes.PinvokeImpl) != 0;
        var isIcall = (method.ImplAttributes & MethodImplAttributes.InternalCall) != 0;
        if (!isPinvoke && !isIcall) continue;
        var name = $"{assembly}:{reader.GetString(reader.GetTypeDefinition(method.GetDeclaringType()).Name)}.{reader.GetString(method.Name)}";
        var cookie = cookies.Of(method.DecodeSignature(provider, null));
        if (cookie is null) { skipped.Add($"no cookie: {name}"); continue; }
        trampolineCookies.Add(cookie);
        if (!isPinvoke) continue;
        var import = method.GetImport();
        var module = reader.GetString(reader.GetModuleReference(import.Module).Name);
        var entry = import.Name.IsNil ? reader.GetString(method.Name) : reader.GetString(import.Name);
        var known = Emit.IsWasmImport(module) || (module == "libSystem.Native" && nativeSymbols.Contains(entry));
        if (!known) { skipped.Add($"not linked: {module}!{entry} ({name})"); continue; }
        var table = pinvokes.TryGetValue(module, out var t) ? t : pinvokes[module] = new(StringComparer.Ordinal);
        if (table.TryGetValue(entry, out var existing) && existing != cookie)
            problems.Add($"{module}!{entry}: signature {cookie} in {name} differs from {existing} elsewhere");
        else table[entry] = cookie;
    }

    // Calls through unmanaged function pointers (calli) need a trampoline of their own.
    for (var row = 1; row <= reader.GetTableRowCount(TableIndex.StandAloneSig); row++)
    {
        var sig = reader.GetStandaloneSignature(MetadataTokens.StandaloneSignatureHandle(row));
        if (sig.GetKind() != StandaloneSignatureKind.Method) continue;
        var decoded = sig.DecodeMethodSignature(provider, null);
        if (decoded.Header.CallingConvention is SignatureCallingConvention.Default or SignatureCallingConvention.VarArgs) continue;
        if (cookies.Of(decoded) is { } c) trampolineCookies.Add(c);
    }
}

// The cookies the pack's own dotnet.native.wasm was built with (runtime-internal calls), minus the JS-interop ones.
var fromAssemblies = new SortedSet<string>(trampolineCookies, StringComparer.Ordinal);
var fromPack = File.ReadAllLines(packCookiesFile).Select(l => l.Trim()).Where(c => c.Length > 0 && c.All(ch => "VILFD".Contains(ch))).ToList();
trampolineCookies.UnionWith(fromPack);

if (problems.Count > 0)
{
    foreach (var p in problems) Console.Error.WriteLine($"gen: {p}");
    return 1;
}

Directory.CreateDirectory(outDir);
File.WriteAllText(Path.Combine(outDir, "pinvoke-table.h"), Emit.PinvokeTable(pinvokes));
File.WriteAllText(Path.Combine(outDir, "wasm_m2n_invoke.g.h"), Emit.Trampolines(trampolineCookies));
var exports = ExportNames.Read(exportsDll);
if (exports.Count == 0) { Console.Error.WriteLine($"gen: no nd_* export names found in {exportsDll}"); return 1; }
File.WriteAllText(Path.Combine(outDir, "exports.g.c"), Emit.Exports(exports));
var asmDir = Path.Combine(outDir, "asm");
Directory.CreateDirectory(asmDir);
foreach (var f in files) File.Copy(f, Path.Combine(asmDir, Path.GetFileName(f)), overwrite: true);
File.WriteAllText(Path.Combine(outDir, "assemblies.g.h"), Emit.Assemblies(files.Select(Path.GetFileName).ToList()!));
File.WriteAllLines(Path.Combine(outDir, "pinvokes.txt"),
    pinvokes.SelectMany(t => t.Value.Select(e => $"{t.Key}!{e.Key} {e.Value}"))
        .Concat(trampolineCookies.Select(c => $"cookie {c} from {(fromAssemblies.Contains(c) ? fromPack.Contains(c) ? "assemblies+pack" : "assemblies" : "pack")}"))
        .Concat(skipped.Order(StringComparer.Ordinal)));
Console.WriteLine($"gen: {files.Count} assemblies, {pinvokes.Sum(t => t.Value.Count)} pinvokes in {pinvokes.Count} tables, " +
    $"{trampolineCookies.Count} trampolines ({fromAssemblies.Count} from the assemblies), {exports.Count} exports, {skipped.Count} skipped (see pinvokes.txt)");
foreach (var p in peReaders) p.Dispose();
return 0;
