using OpenQA.Selenium;
using OpenQA.Selenium.Chrome;
using ReliefMatch.Tests.Infrastructure;

namespace ReliefMatch.Tests.Host.Web;

/// <summary>
/// Debian's chromium, headless, driven by its own chromedriver (<c>/usr/bin/chromium</c>, <c>/usr/bin/chromedriver</c>;
/// installed by <c>.ci/run</c>). Both paths are given, so Selenium never looks for or downloads a driver; each
/// browser has a fresh profile and a download folder of its own, both removed afterwards.
/// </summary>
internal sealed class HeadlessChromium : IDisposable
{
    public const string Browser = "/usr/bin/chromium";
    public const string Driver = "/usr/bin/chromedriver";

    private readonly string _profile;

    public HeadlessChromium()
    {
        if (!File.Exists(Browser) || !File.Exists(Driver))
        {
            throw new InvalidOperationException($"The browser tests need {Browser} and {Driver}: apt-get install chromium chromium-driver (.ci/run does).");
        }
        _profile = TempFolder.Create("reliefmatch-chromium");
        Downloads = Directory.CreateDirectory(Path.Combine(_profile, "downloads")).FullName;
        var options = new ChromeOptions { BinaryLocation = Browser };
        options.AddArguments(
            "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--no-first-run", "--window-size=1400,1000",
            "--user-data-dir=" + Path.Combine(_profile, "profile"));
        options.AddUserProfilePreference("download.default_directory", Downloads);
        options.AddUserProfilePreference("download.prompt_for_download", false);
        var service = ChromeDriverService.CreateDefaultService(Path.GetDirectoryName(Driver)!, Path.GetFileName(Driver));
        service.SuppressInitialDiagnosticInformation = true;
        service.HideCommandPromptWindow = true;
        Chrome = new ChromeDriver(service, options, TimeSpan.FromSeconds(60));
        Chrome.Manage().Timeouts().PageLoad = TimeSpan.FromSeconds(30);
        // Under load a form post can still be answering when the next element is looked up: wait for it.
        Chrome.Manage().Timeouts().ImplicitWait = TimeSpan.FromSeconds(15);
    }

    public ChromeDriver Chrome { get; }

    public string Downloads { get; }

    /// <summary>Waits for a finished download (no partial <c>.crdownload</c> left) whose name ends as given.</summary>
    public string WaitForDownload(string endsWith, TimeSpan timeout)
    {
        var until = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < until)
        {
            var done = Directory.GetFiles(Downloads).FirstOrDefault(f => f.EndsWith(endsWith, StringComparison.Ordinal));
            if (done is not null && !Directory.GetFiles(Downloads, "*.crdownload").Any())
            {
                return done;
            }
            Thread.Sleep(100);
        }
        throw new TimeoutException($"No download ending in {endsWith} within {timeout}; the folder holds: {string.Join(", ", Directory.GetFiles(Downloads).Select(Path.GetFileName))}");
    }

    /// <summary>Signs in through the workplace's sign-in page at <paramref name="address"/> and waits for a signed-in page.</summary>
    public void SignIn(Uri address, string name, string password = WebTestData.Password)
    {
        Chrome.Navigate().GoToUrl(address.AbsoluteUri);
        Chrome.FindElement(By.Id("name")).SendKeys(name);
        Chrome.FindElement(By.Id("password")).SendKeys(password);
        Chrome.FindElement(By.Id("sign-in")).Click();
        Chrome.FindElement(By.CssSelector("form[action='/logout']"));
    }

    public void Dispose()
    {
        Chrome.Quit();
        Chrome.Dispose();
        TempFolder.Delete(_profile);
    }
}
