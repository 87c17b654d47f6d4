namespace GraphMail.Sandbox;

public static class Program
{
    public static int Main(string[] args)
    {
        System.Console.Error.WriteLine("GraphMail.Sandbox: not built yet.");
        return 1;
    }
}
