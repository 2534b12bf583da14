Console.WriteLine("CineSync bot: not implemented yet.");
