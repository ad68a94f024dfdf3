FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY . .
RUN dotnet publish src/ReliefMatch.Host -c Release -o /app

FROM mcr.microsoft.com/dotnet/aspnet:10.0
WORKDIR /app
COPY --from=build /app .
COPY rules /app/rules
ENV RELIEFMATCH_RULES=/app/rules
ENTRYPOINT ["dotnet", "reliefmatch.dll"]
