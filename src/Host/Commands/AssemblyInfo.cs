[assembly: JasperFx.JasperFxAssembly]
